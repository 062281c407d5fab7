plugins {
    java
    id("io.quarkus")
}

repositories { mavenCentral() }

dependencies {
    implementation(enforcedPlatform("io.quarkus.platform:quarkus-bom:3.12.3"))
    implementation("io.quarkus:quarkus-rest")
}

group = "org.acme"
version = "1.0.0"
