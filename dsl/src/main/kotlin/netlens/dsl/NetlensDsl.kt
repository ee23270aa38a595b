package netlens.dsl

/** Keeps an inner block from silently calling an outer builder's functions. */
@DslMarker
annotation class NetlensDsl

/** A script value outside its allowed range; the message names the key. */
class ScriptValueException(message: String) : IllegalArgumentException(message)

internal fun requireValue(ok: Boolean, message: () -> String) {
    if (!ok) throw ScriptValueException(message())
}
