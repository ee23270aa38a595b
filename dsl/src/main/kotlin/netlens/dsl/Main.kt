package netlens.dsl

import kotlin.system.exitProcess

fun main(args: Array<String>) {
    val code = Cli(System.out, System.err).run(args)
    if (code != Cli.SHUTTING_DOWN) exitProcess(code)
}
