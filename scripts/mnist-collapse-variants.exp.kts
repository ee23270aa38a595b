// What it takes for the 3-digit MNIST network of mnist.exp.kts to collapse, as variants. Papyan, Han
// & Donoho (2020) train 350 epochs with weight decay 5e-4 and divide the learning rate by 10 at
// epochs 117 and 233: each ingredient alone, then all three, then all three with ten times the decay;
// "base" is the experiment as declared, the same as mnist.exp.kts.
// Runs in about 3 minutes on 2 cores.
experiment("mnist-collapse-variants") {
    seed = 7
    data = mnist(classes = listOf(0, 1, 2), trainPerClass = 2000, testPerClass = 500)
    model = mlp(hidden = listOf(128, 128, 64, 32, 16), activation = relu)
    train {
        optimizer = sgd(lr = 0.05, momentum = 0.9)
        batchSize = 128
        until { trainAccuracy >= 1.0 }
        extraEpochs = 50
        maxEpochs = 400
    }
    probe(every = 10) { embeddings(projection = pca(2)); neuralCollapse() }
    variants {
        variant("long terminal phase") { train { extraEpochs = 350 } }
        variant("lr decay") { train { extraEpochs = 350; decayLearningRate(by = 0.1, atEpochs = listOf(117, 233)) } }
        variant("weight decay 5e-4") { train { optimizer = sgd(lr = 0.05, momentum = 0.9, weightDecay = 5e-4) } }
        variant("all three (Papyan et al.)") {
            train {
                optimizer = sgd(lr = 0.05, momentum = 0.9, weightDecay = 5e-4)
                extraEpochs = 350
                decayLearningRate(by = 0.1, atEpochs = listOf(117, 233))
            }
        }
        variant("all three, weight decay 5e-3") {
            train {
                optimizer = sgd(lr = 0.05, momentum = 0.9, weightDecay = 5e-3)
                extraEpochs = 350
                decayLearningRate(by = 0.1, atEpochs = listOf(117, 233))
            }
        }
    }
    report { collapseCurves(); penultimate(withEtf = true); trainingCurves() }
}
