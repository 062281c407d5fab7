/**
 * The part of `mvdan-sh` (mvdan.cc/sh/v3/syntax compiled to JavaScript by
 * GopherJS) that dockshift uses. The package ships no types.
 */
declare module 'mvdan-sh' {
  namespace sh {
    /** An option for `NewParser`; opaque. */
    interface ParserOption {
      readonly __parserOption: never;
    }

    /** A Go value wrapped for JavaScript; the raw GopherJS object is behind `__internal_object__`. */
    interface Wrapped {
      readonly __internal_object__: unknown;
    }

    interface Parser {
      /** Throws a wrapped syntax.ParseError (it has an `Error()` method) when the source is not valid. */
      Parse(src: string, name: string): Wrapped;
    }

    interface Syntax {
      readonly LangBash: number;
      readonly LangPOSIX: number;
      NewParser(...options: ParserOption[]): Parser;
      Variant(lang: number): ParserOption;
      KeepComments(keep: boolean): ParserOption;
    }
  }

  const sh: { readonly syntax: sh.Syntax };
  export = sh;
}
