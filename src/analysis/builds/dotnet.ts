/**
 * .NET: `dotnet publish -o DIR` writes the app and what it needs into DIR. The runtime
 * stage gets DIR, at the same path, on ASP.NET Core (web projects) or the .NET runtime
 * of the same version and OS.
 */
import type { BuildContext } from '../../engine/context.js';
import { runtimeFor } from '../../knowledge/runtime.js';
import { ICU_PACKAGES } from '../../knowledge/dotnet.js';
import { argsOf, contextFiles, findCommands, NONE, optionOf, refuse, resolveIn, type Analysis, type BuildInput } from './plan.js';

const PUBLISH_VALUED = ['-o', '--output', '-c', '--configuration', '-f', '--framework', '-r', '--runtime', '-a', '--arch', '--os', '-v', '--verbosity', '--version-suffix', '-p', '--property'];

export function readDotnet(input: BuildInput): Analysis {
  const publishes = findCommands(input.file, input.scripts, (w) => w[0] === 'dotnet' && w[1] === 'publish');
  if (publishes.length === 0) return NONE;
  const publish = publishes.at(-1)!;
  const at = publish.run.inst;
  const args = argsOf(publish.words, PUBLISH_VALUED, 2);
  const out = optionOf(args, '-o', '--output');
  const dir = resolveIn(publish.cwd, out);
  if (dir === null) return refuse('no-artefact-path', '`dotnet publish` has no literal -o/--output, so where the app is written is not named', at);
  const named = args.positionals.map((p) => p.value).find((p) => p?.endsWith('.csproj') === true);
  const projects = named != null ? [named.replace(/^\.\//, '')] : (contextFiles(input.ctx, '.csproj') ?? []);
  const texts = projects.map((p) => input.ctx.read(p)).filter((t): t is string => t !== null);
  if (texts.length === 0) return refuse('no-sources', 'no .csproj is in the build context, so whether the app is a web app is not known', at);
  const web = texts.some((t) => /Sdk\s*=\s*"Microsoft\.NET\.Sdk\.Web"/.test(t));
  const choices = input.runtimeOption === 'default' ? runtimeFor(input.builder) : [];
  const runtime = choices.find((c) => c.kind === (web ? 'aspnet' : 'runtime'));
  if (runtime === undefined) {
    const why = input.runtimeOption === 'default' ? `the knowledge base names no .NET runtime for ${input.builder.raw}` : `the ${input.runtimeOption} runtime option is for Go and Node.js`;
    return refuse('no-runtime', why, input.stage.from);
  }
  // The SDK's Alpine images carry ICU and turn invariant globalization off; the runtime ones do
  // neither, so an app that ran with cultures (or asks for them) gets ICU back as Microsoft's
  // Alpine samples install it. One that turns invariant mode on needs none.
  const invariant = invariantGlobalization(input.ctx);
  const icu = !input.builder.facts.noIcu && runtime.image?.facts.noIcu === true && invariant?.on !== true;
  const notes = [web ? 'a web project (Microsoft.NET.Sdk.Web): ASP.NET Core runtime' : 'not a web project: the .NET runtime'];
  if (icu) notes.push(`installs icu-data-full and icu-libs and sets DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false, as ${input.builder.raw} has them and ${runtime.reference} does not: ${invariant === null ? 'no project turns invariant globalization on, so the app ran with ICU' : `${invariant.file} sets ${invariant.text}, so the app stops at start without ICU`}`);
  return {
    kind: 'plan',
    plan: {
      toolchain: '.NET',
      buildStep: at,
      artefacts: [{ from: dir, to: dir, what: `the published app ${dir}` }],
      runtime,
      runtimePrograms: ['dotnet'],
      buildEdits: [],
      buildTail: [],
      runtimeSetup: icu ? ['RUN apk add --no-cache icu-data-full icu-libs', 'ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false'] : [],
      commandRewrite: null,
      notes,
    },
  };
}

/**
 * What the context's .NET projects say of invariant globalization (\`<InvariantGlobalization>\` in a
 * project file or Directory.Build.props, System.Globalization.Invariant in runtimeconfig.template.json):
 * the SDK writes it into the app's runtimeconfig.json, where it wins over DOTNET_SYSTEM_GLOBALIZATION_INVARIANT.
 * A file that turns it off comes first, since that app needs ICU, also under a Condition (a Release
 * build may be the one that sets it); null when no file sets it.
 */
export function invariantGlobalization(ctx: BuildContext): { readonly file: string; readonly text: string; readonly on: boolean } | null {
  let on: { file: string; text: string; on: boolean } | null = null;
  for (const file of contextFiles(ctx, '.csproj', '.fsproj', '.vbproj', 'Directory.Build.props', 'runtimeconfig.template.json') ?? []) {
    const text = ctx.read(file) ?? '';
    for (const m of text.matchAll(/<InvariantGlobalization(?:\s[^>]*)?>\s*(true|false)\s*<\/InvariantGlobalization>|"System\.Globalization\.Invariant"\s*:\s*"?(true|false)"?/gi)) {
      const found = { file, text: m[0], on: (m[1] ?? m[2])!.toLowerCase() === 'true' };
      if (!found.on) return found;
      on ??= found;
    }
  }
  return on;
}

/**
 * The first package reference of the context's project files (or Directory.Build.props) to a package that
 * needs ICU (ICU_PACKAGES: Microsoft.Data.SqlClient, EF Core's SQL Server provider), with why; null when none.
 */
export function icuPackageReference(ctx: BuildContext): { readonly file: string; readonly id: string; readonly why: string } | null {
  for (const file of contextFiles(ctx, '.csproj', '.fsproj', '.vbproj', 'Directory.Build.props') ?? []) {
    for (const m of (ctx.read(file) ?? '').matchAll(/<PackageReference\s+(?:[^>]*\s)?(?:Include|Update)\s*=\s*"([^"]+)"/gi)) {
      const id = Object.keys(ICU_PACKAGES).find((k) => k.toLowerCase() === m[1]!.trim().toLowerCase());
      if (id !== undefined) return { file, id, why: ICU_PACKAGES[id]!.why };
    }
  }
  return null;
}

/**
 * The runtime identifiers the context's project files build for (\`<RuntimeIdentifier>linux-x64\`
 * in a .csproj or Directory.Build.props): \`dotnet publish\` and \`dotnet build\` then make output
 * native to that OS and C library, as \`-r\` would. Empty when no project sets one.
 */
export function projectRuntimeIdentifiers(ctx: BuildContext): { readonly file: string; readonly rid: string }[] {
  return (contextFiles(ctx, '.csproj', '.fsproj', '.vbproj', 'Directory.Build.props') ?? []).flatMap((file) => {
    const rid = /<RuntimeIdentifier>\s*([^<\s]+)\s*<\/RuntimeIdentifier>/.exec(ctx.read(file) ?? '')?.[1];
    return rid === undefined ? [] : [{ file, rid }];
  });
}
