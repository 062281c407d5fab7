scalaVersion := "3.4.0"
assembly / assemblyJarName := "app.jar"
