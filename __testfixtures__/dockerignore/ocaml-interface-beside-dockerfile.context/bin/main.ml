let () = Dockerfile_to_generic.run ()
