package netlens.plots

/**
 * A published claim checked against a run: [sentence] states the claim, what was measured and the
 * verdict, for the summary; [name] and [verdict] are the short form a variants table shows.
 */
internal class Claim(val name: String, val sentence: String, val verdict: String)
