name := "play-scala-seed"

lazy val root = (project in file(".")).enablePlugins(PlayScala)

scalaVersion := "3.3.4"
