// The stripe study of scripts/stripe.exp.kts at the papers' scale, a plan for a cluster: p = 64 …
// 8,192 (8 sizes) × 5 seeds × both regimes, 80 points. `./run scripts/stripe-8192.exp.kts --slurm`
// submits the points missing from the cache as one Slurm job array and prints, from the points
// already cached, the plan's CPU-hours and its wall time on 1, 4 and 16 nodes; `--status` follows it.
// On this 2-core machine, through the local single-node Slurm, the points up to p = 4,096 took 1.6
// CPU-hours and gave beta = 0.720 (feature), 0.369 (lazy), 0.399 (SVM on the initial NTK) against
// predicted 0.692 and 0.385 (README); each p = 8,192 point takes about half an hour.
experiment("stripe-8192") {
    data = stripe(d = 5, p = 256, pTest = 4000)
    model = oneHidden(h = 100, activation = relu)
    train { flowToMargins(maxSteps = 300_000, linearisedFrom = 100) }
    probe(every = 1_000_000) { neurons() }
    baselines(svmInitNtk, svmFinalNtk)
    sweep {
        p(sizes(64, 8192, 8))
        seed(1..5)
        regime(feature = 0.01, lazy = 1000)
    }
}
