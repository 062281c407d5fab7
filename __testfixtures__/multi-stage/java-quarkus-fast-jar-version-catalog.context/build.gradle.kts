plugins {
    java
    alias(libs.plugins.quarkus)
}
dependencies { implementation("io.quarkus:quarkus-rest") }
