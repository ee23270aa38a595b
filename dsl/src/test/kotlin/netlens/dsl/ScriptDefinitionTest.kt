package netlens.dsl

import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import org.junit.jupiter.api.Test

/** IntelliJ finds script definitions through a marker resource named after the template class. */
class ScriptDefinitionTest {
    @Test
    fun theIdeMarkerNamesTheScriptTemplate() {
        val marker = "META-INF/kotlin/script/templates/${ExperimentScript::class.java.name}.classname"
        assertNotNull(ExperimentScript::class.java.classLoader.getResource(marker), marker)
    }

    @Test
    fun scriptsAreRecognisedByTheirExtension() {
        val annotation = ExperimentScript::class.java.getAnnotation(kotlin.script.experimental.annotations.KotlinScript::class.java)
        assertEquals("exp.kts", annotation.fileExtension)
    }
}
