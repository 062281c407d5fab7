/**
 * .NET: `dotnet publish -o DIR` writes the app and what it needs into DIR. The runtime
 * stage gets DIR, at the same path, on ASP.NET Core (web projects) or the .NET runtime
 * of the same version and OS.
 */
import { runtimeFor } from '../../knowledge/runtime.js';
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
      runtimeSetup: [],
      commandRewrite: null,
      notes: [web ? 'a web project (Microsoft.NET.Sdk.Web): ASP.NET Core runtime' : 'not a web project: the .NET runtime'],
    },
  };
}
