package netlens.dsl

import java.lang.management.ManagementFactory

/**
 * Seconds since `./run` was started, for --debug's stage times and run.json's
 * seconds_to_first_step. The launcher passes its own start (bash's EPOCHREALTIME, microseconds) as
 * -Dnetlens.launched; without it, the JVM's start. (The process's start instant the OS reports is no
 * use here: on Linux it is counted from the whole-second boot time, up to a second off.)
 */
internal object LaunchClock {
    private val startMillis: Double =
        System.getProperty("netlens.launched")?.replace(',', '.')?.toDoubleOrNull()?.times(1000)
            ?: ManagementFactory.getRuntimeMXBean().startTime.toDouble()

    fun seconds(): Double = (System.currentTimeMillis() - startMillis) / 1000
}
