(* Dockerfile AST to the generic AST *)

val run : unit -> unit
