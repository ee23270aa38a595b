package netlens.dsl

import netlens.data.ArraysSpec
import netlens.data.DataException
import netlens.data.DataSpec
import netlens.data.GaussianBinarySpec
import netlens.data.GaussianClassesSpec
import netlens.data.PcaImageSpec
import netlens.data.ImageCollection
import netlens.data.ImageSpec
import netlens.data.OpposedGaussiansSpec
import netlens.data.Scale
import netlens.data.SpiralSpec
import netlens.nn.Activation
import netlens.nn.Init
import netlens.nn.Parameterisation
import netlens.interop.NetworkFileException
import netlens.interop.Pretrained
import netlens.kernel.AdaptiveKernel
import netlens.kernel.Baseline
import netlens.kernel.CollapseKernel
import netlens.kernel.InfiniteWidth
import netlens.kernel.LimitActivation
import netlens.plots.ReportSpec
import netlens.run.ModelSpec
import netlens.train.Loss
import netlens.train.OptimizerSpec

// The vocabulary of a script: datasets, networks, optimisers, losses, by the names papers use.

val relu: Activation = Activation.RELU
val tanh: Activation = Activation.TANH
val linear: Activation = Activation.LINEAR

val crossEntropy: Loss = Loss.CROSS_ENTROPY
val mse: Loss = Loss.MSE

/** max(0, 1 − y f) on one output; classes 0 and 1 are y = −1 and +1. */
val hinge: Loss = Loss.Hinge()

/** ½ max(0, 1 − y f)². */
val quadraticHinge: Loss = Loss.QuadraticHinge()

/**
 * softplus(β(1 − y f))/β, the hinge smoothed at scale 1/β (β = 20 is feature_lazy's default). Under
 * gradient flow it is the margin loss to use: the hard hinge pins margins at 1, where steps chatter.
 */
fun softHinge(beta: Number = 20.0): Loss = Loss.SoftHinge(beta.toDouble())

/** Weights and layer scales (docs/definitions.md §2). */
val standardScaling: Parameterisation = Parameterisation.STANDARD
val ntkScaling: Parameterisation = Parameterisation.NTK
val meanFieldScaling: Parameterisation = Parameterisation.MEAN_FIELD

/** A learning-curve baseline, for `baselines(…)`. */
class BaselineChoice internal constructor(internal val baseline: Baseline)

val svmInitNtk = BaselineChoice(Baseline.SVM_INIT_NTK)
val svmFinalNtk = BaselineChoice(Baseline.SVM_FINAL_NTK)
val svmLaplace = BaselineChoice(Baseline.SVM_LAPLACE)
val svmGaussian = BaselineChoice(Baseline.SVM_GAUSSIAN)
val ridgeGaussian = BaselineChoice(Baseline.RIDGE_GAUSSIAN)
val knn = BaselineChoice(Baseline.KNN)

/** A kernel for `kernelCollapse(…)`. */
class KernelChoice internal constructor(internal val kernel: CollapseKernel)

/** erf, for the infinite-width and adaptive kernels (networks train with relu, tanh or linear). */
val erf: LimitActivation = LimitActivation.ERF

private fun limit(activation: Activation) = LimitActivation.valueOf(activation.name)

/**
 * The NNGP of an infinitely wide fully connected network with [depth] hidden layers, weights
 * N(0, σ_w²/fan-in) and biases N(0, σ_b²) (docs/definitions.md §4).
 */
fun nngpKernel(activation: LimitActivation, depth: Int = 1, sigmaW: Number = 1.0, sigmaB: Number = 0.0) =
    KernelChoice(CollapseKernel.Limit(InfiniteWidth(activation, depth, sigmaW.toDouble(), sigmaB.toDouble()), false))

fun nngpKernel(activation: Activation, depth: Int = 1, sigmaW: Number = 1.0, sigmaB: Number = 0.0) = nngpKernel(limit(activation), depth, sigmaW, sigmaB)

/** The NTK of the same infinitely wide network. */
fun ntkKernel(activation: LimitActivation, depth: Int = 1, sigmaW: Number = 1.0, sigmaB: Number = 0.0) =
    KernelChoice(CollapseKernel.Limit(InfiniteWidth(activation, depth, sigmaW.toDouble(), sigmaB.toDouble()), true))

fun ntkKernel(activation: Activation, depth: Int = 1, sigmaW: Number = 1.0, sigmaB: Number = 0.0) = ntkKernel(limit(activation), depth, sigmaW, sigmaB)

/**
 * The adaptive kernel of a shallow erf network with [hidden] units (equations of state of Seroussi,
 * Naveh & Ringel), fitted to the labels with noise variance [noise]².
 */
fun adaptiveKernel(hidden: Int, sigmaW: Number = 1.0, sigmaA: Number = 1.0, noise: Number = 1.0) =
    KernelChoice(CollapseKernel.Adaptive(AdaptiveKernel(hidden, sigmaW.toDouble(), sigmaA.toDouble(), noise.toDouble())))

/**
 * K Gaussian classes N(μ_c, [noise]² I_d), every two means [separation] apart; one training count
 * per class (imbalance) and [testPerClass] test samples of each.
 */
fun gaussianClasses(d: Int, separation: Number, noise: Number = 1.0, trainPerClass: List<Int>, testPerClass: Int = 0): DataSpec =
    GaussianClassesSpec(d, separation.toDouble(), noise.toDouble(), trainPerClass.toIntArray(), testPerClass)

/**
 * Two Gaussian classes N(∓[mean]·1_d, [std]² I_d), the data of Kothapalli & Tirer's kernel NC1
 * study (their D₁ with equal class sizes, D₂ with unequal ones): one training count per class.
 */
fun opposedGaussians(d: Int, mean: Number = 2.0, std: Number = 0.5, trainPerClass: List<Int>, testPerClass: Int = 0): DataSpec =
    OpposedGaussiansSpec(d, mean.toDouble(), std.toDouble(), trainPerClass.toIntArray(), testPerClass)

/** The stripe model: x ~ N(0, I_d), y = +1 when −0.3 < x₁ < 1.18549; p training and pTest test points. */
fun stripe(d: Int = 5, p: Int = 1024, pTest: Int = 4096): DataSpec = GaussianBinarySpec(GaussianBinarySpec.Model.STRIPE, d, p, pTest)

/** The sphere model: x ~ N(0, I_d), y = +1 when ‖x‖² exceeds the median of χ²_d. */
fun sphere(d: Int = 5, p: Int = 1024, pTest: Int = 4096): DataSpec = GaussianBinarySpec(GaussianBinarySpec.Model.SPHERE, d, p, pTest)

/** MNIST projected on its top d principal components, labelled by the parity of the digit. */
fun pcaMnist(d: Int = 10, p: Int = 1024, pTest: Int = 4096): DataSpec = PcaImageSpec(ImageCollection.MNIST, d, p, pTest)

/**
 * The one-hidden-layer network of the feature/lazy studies, f(x) = (1/h) Σ βₙ σ(wₙ·x/√d + bₙ) in the
 * mean-field scaling (1/√h in the NTK scaling), all weights N(0, 1); with [alpha], training sees
 * the α-trick's F = α (f − f₀).
 */
fun oneHidden(h: Int, activation: Activation = relu, scaling: Parameterisation = meanFieldScaling, alpha: Number? = null): ModelSpec {
    requireValue(h >= 1) { "oneHidden(h = $h): must be >= 1" }
    requireValue(alpha == null || alpha.toDouble() > 0) { "oneHidden(alpha = $alpha): must be > 0" }
    return ModelSpec(intArrayOf(h), activation, true, Init.PYTORCH, scaling, alpha?.toDouble() ?: Double.NaN)
}

/**
 * Gradient descent tracking gradient flow: dt grows while a step changes the gradient by less than
 * [maxDgrad] (relative, squared) and no output by [maxDout]; otherwise the step is retried with dt × [shrink].
 * Networks with an α-trick α ≥ [linearisedFrom] follow their linearisation around θ₀ instead, the lazy
 * limit, integrated implicitly on the empirical NTK (its dynamics are too stiff for explicit steps).
 */
fun gradientFlow(dt: Number = 1e-2, grow: Number = 1.1, shrink: Number = 0.1, maxDgrad: Number = 1e-3, maxDout: Number = 0.1, maxDt: Number = 1e6,
                 linearisedFrom: Number = Double.POSITIVE_INFINITY): OptimizerSpec {
    requireValue(linearisedFrom.toDouble() > 0) { "gradientFlow(linearisedFrom = $linearisedFrom): must be > 0" }
    return OptimizerSpec.GradientFlow(dt.toDouble(), grow.toDouble(), shrink.toDouble(), maxDgrad.toDouble(), maxDout.toDouble(), maxDt.toDouble(),
        linearisedFrom.toDouble())
}

/**
 * MNIST digits. [classes] picks and orders the classes (relabelled 0..K−1; null = all ten);
 * per-class counts of 0 take every sample of that class. [randomLabels] shuffles the training labels
 * (a permutation: class sizes stay, the link to the images goes); the test labels stay true.
 */
fun mnist(classes: List<Int>? = null, trainPerClass: Int = 0, testPerClass: Int = 0, scale: Scale = Scale.UNIT, randomLabels: Boolean = false): DataSpec =
    ImageSpec(ImageCollection.MNIST, classes?.toIntArray(), trainPerClass, testPerClass, scale, randomLabels)

/** Fashion-MNIST (Zalando), with the same options as [mnist]. */
fun fashionMnist(classes: List<Int>? = null, trainPerClass: Int = 0, testPerClass: Int = 0, scale: Scale = Scale.UNIT, randomLabels: Boolean = false): DataSpec =
    ImageSpec(ImageCollection.FASHION_MNIST, classes?.toIntArray(), trainPerClass, testPerClass, scale, randomLabels)

/**
 * Your own arrays (paths relative to the script): features as float32, float64 or uint8 `.npy`, an
 * array of an `.npz` archive ("data.npz:x_train") or a CSV table whose [labelColumn] holds the labels
 * (then leave [labels] / [testLabels] out); labels as integers 0, 1, 2, …. [classes] picks and orders
 * classes by their label (relabelled 0..K−1; null = every label in training), per-class counts of 0
 * take every sample, and [scale] multiplies the features (1/255 for 8-bit images).
 */
fun arrays(
    train: String,
    labels: String? = null,
    test: String,
    testLabels: String? = null,
    classes: List<Int>? = null,
    trainPerClass: Int = 0,
    testPerClass: Int = 0,
    scale: Number = 1.0,
    labelColumn: String = "label",
): DataSpec = try {
    ArraysSpec.of(ScriptText.resolve(train), labels?.let(ScriptText::resolve), ScriptText.resolve(test), testLabels?.let(ScriptText::resolve),
        labelColumn, classes?.toIntArray(), trainPerClass, testPerClass, scale.toDouble())
} catch (e: DataException) {
    throw ScriptValueException("arrays(…): ${e.message}")
}

/** K interleaved 2-D spirals; turns = null sweeps 4/K of a turn per arm (the spiralNet setting). */
fun spirals(
    classes: Int = 3,
    trainPerClass: Int = 500,
    testPerClass: Int = 200,
    turns: Number? = null,
    noise: Number = 0.1,
    normalise: Boolean = true,
): DataSpec = SpiralSpec(classes, trainPerClass, testPerClass, turns?.toDouble() ?: Double.NaN, noise.toDouble(), normalise)

/**
 * A dense network: the listed hidden widths, each followed by [activation], then a linear output
 * layer; [scaling] picks the parameterisation and [alpha] turns on the α-trick.
 */
fun mlp(
    hidden: List<Int>,
    activation: Activation = relu,
    bias: Boolean = true,
    init: Init = Init.PYTORCH,
    scaling: Parameterisation = standardScaling,
    alpha: Number? = null,
): ModelSpec {
    requireValue(hidden.isNotEmpty()) { "hidden must list at least one layer width, e.g. hidden = listOf(128, 64)" }
    requireValue(hidden.all { it >= 1 }) { "hidden widths must be >= 1, got $hidden" }
    requireValue(alpha == null || alpha.toDouble() > 0) { "mlp(alpha = $alpha): must be > 0" }
    return ModelSpec(hidden.toIntArray(), activation, bias, init, scaling, alpha?.toDouble() ?: Double.NaN)
}

/**
 * A fully connected network trained elsewhere, read from [file] (relative to the script): PyTorch's
 * `state_dict` of an `nn.Sequential` of `Linear` layers saved with safetensors, an ONNX export of
 * one, or a Keras `Sequential` of `Dense` layers (.h5 or .keras). [activation] names what follows
 * the hidden layers where the file cannot say (safetensors); where it does, a different one is
 * refused. Without a `train { }` block the network is probed as it is.
 */
fun load(file: String, activation: Activation? = null): ModelSpec {
    val path = ScriptText.resolve(file)
    val pretrained = try {
        Pretrained.of(path, activation)
    } catch (e: NetworkFileException) {
        throw ScriptValueException("load(\"$file\"): ${e.message}${trainerHint(path)}")
    }
    val stack = pretrained.stack()
    val bias = stack.layers()[0].bias() != null
    return ModelSpec(stack.layers().dropLast(1).map { it.out() }.toIntArray(), pretrained.activation(), bias, Init.PYTORCH,
        standardScaling, Double.NaN, pretrained)
}

/** For a network file not written yet, a Python trainer beside it (train*.py, as the examples ship) that may write it. */
private fun trainerHint(path: java.nio.file.Path): String {
    val folder = path.parent
    if (java.nio.file.Files.exists(path) || folder == null || !java.nio.file.Files.isDirectory(folder)) return ""
    val trainers = java.nio.file.Files.list(folder).use { s -> s.filter { it.fileName.toString().let { n -> n.startsWith("train") && n.endsWith(".py") } }.map { it.fileName.toString() }.sorted().toList() }
    return if (trainers.isEmpty()) "" else "; run the script that trains it first, e.g. /usr/bin/python3 ${folder.resolve(trainers.first())}"
}

/** SGD with optional heavy-ball or Nesterov momentum and L2 weight decay (PyTorch semantics). */
fun sgd(lr: Number, momentum: Number = 0.0, nesterov: Boolean = false, weightDecay: Number = 0.0): OptimizerSpec =
    OptimizerSpec.Sgd(lr.toDouble(), momentum.toDouble(), nesterov, weightDecay.toDouble())

/** Adam with L2 weight decay added to the gradient (PyTorch's Adam). */
fun adam(lr: Number = 1e-3, beta1: Number = 0.9, beta2: Number = 0.999, eps: Number = 1e-8, weightDecay: Number = 0.0): OptimizerSpec =
    OptimizerSpec.Adam(lr.toDouble(), beta1.toDouble(), beta2.toDouble(), eps.toDouble(), weightDecay.toDouble(), false)

/** AdamW: Adam with decoupled weight decay (Loshchilov & Hutter). */
fun adamW(lr: Number = 1e-3, beta1: Number = 0.9, beta2: Number = 0.999, eps: Number = 1e-8, weightDecay: Number = 1e-2): OptimizerSpec =
    OptimizerSpec.Adam(lr.toDouble(), beta1.toDouble(), beta2.toDouble(), eps.toDouble(), weightDecay.toDouble(), true)

/** How embeddings are reduced to 2-D. */
sealed interface Projection

/** Principal components via the SVD of the centred features. */
data class Pca(val components: Int) : Projection

/** A fixed random Gaussian map per layer. */
data object RandomProjection : Projection

/** UMAP (McInnes et al. 2018), seeded, on a stratified subset of probe samples. */
data class Umap(val samples: Int, val neighbours: Int, val minDist: Double) : Projection

fun pca(components: Int = 2): Projection {
    requireValue(components == 2) { "pca(components = $components): the layer figures draw 2 components; use pca(2)" }
    return Pca(components)
}

/** A random Gaussian projection to 2-D, the same map for a layer at every epoch. */
fun randomProjection(): Projection = RandomProjection

/**
 * UMAP of [samples] stratified probe samples (umap-java by Tag.bio, MIT licence; single-threaded and
 * seeded, so a seed gives one picture). Slower than PCA: seconds per layer and probe.
 */
fun umap(samples: Int = 1000, neighbours: Int = 15, minDist: Number = 0.1): Projection {
    requireValue(samples >= 10) { "umap(samples = $samples): must be >= 10" }
    requireValue(neighbours >= 2) { "umap(neighbours = $neighbours): must be >= 2" }
    requireValue(minDist.toDouble() >= 0) { "umap(minDist = $minDist): must be >= 0" }
    return Umap(samples, neighbours, minDist.toDouble())
}

/** Which NC1 the figures and verdict lead with. */
class Nc1Variant internal constructor(internal val spec: ReportSpec.Nc1)

/** Tr(Σ_W Σ_B⁺)/K (Papyan et al. 2020), the default. */
val trace = Nc1Variant(ReportSpec.Nc1.TRACE)

/** The trace ratio Tr Σ_W / Tr Σ_B (Tirer et al.; Kothapalli & Tirer's kernel NC1). */
val traceRatio = Nc1Variant(ReportSpec.Nc1.TRACE_RATIO)

/** Another name for [traceRatio]. */
val quotient = traceRatio

/** Class-distance normalised variance (Galanti et al.). */
val cdnv = Nc1Variant(ReportSpec.Nc1.CDNV)
