(* Dockerfile AST to the generic AST *)

let run () = print_endline "ok"
