/**
 * Libraries that read a `.env` file when the app starts, by the registry their name belongs to:
 * read by dockerignore, which keeps `.env` in the build context of an app that depends on one
 * (left out, the app would start without its settings). Each from the library's documentation:
 * what it loads by default, or what the framework that carries it does at boot. The front-end
 * tools load .env files themselves, with no dotenv in the manifest: an image that runs their dev
 * server or `next start` reads them when it starts.
 */

/** Where a package's name belongs: the manifests of each name their dependencies their own way. */
export type PackageRegistry = 'npm' | 'pypi' | 'packagist' | 'rubygems' | 'go';

export interface DotenvReader {
  readonly registry: PackageRegistry;
  /** As the manifests write it (`python-dotenv`, `vlucas/phpdotenv`, `github.com/joho/godotenv`). */
  readonly name: string;
  /** When it reads the file. */
  readonly reads: string;
}

export const DOTENV_READERS: readonly DotenvReader[] = [
  { registry: 'npm', name: 'dotenv', reads: '`require("dotenv").config()` or `node -r dotenv/config` loads .env from the working folder' },
  { registry: 'npm', name: 'dotenv-flow', reads: 'it loads .env and .env.<NODE_ENV> files from the working folder' },
  { registry: 'npm', name: 'dotenv-safe', reads: 'it loads .env (and checks it against .env.example)' },
  { registry: 'npm', name: '@dotenvx/dotenvx', reads: '`dotenvx run` and `config()` load .env from the working folder' },
  { registry: 'npm', name: '@nestjs/config', reads: '`ConfigModule.forRoot()` loads .env from the project folder' },
  { registry: 'npm', name: 'vite', reads: 'its dev server and build load .env, .env.local, .env.<mode> and .env.<mode>.local from the project folder' },
  { registry: 'npm', name: 'next', reads: '`next dev`, `next build` and `next start` load .env, .env.local and .env.<NODE_ENV> from the project folder' },
  { registry: 'npm', name: 'react-scripts', reads: '`react-scripts start` and `build` load .env, .env.local and .env.<NODE_ENV> from the project folder' },
  { registry: 'npm', name: 'nuxt', reads: '`nuxt dev`, `build` and `preview` load .env from the project folder' },
  { registry: 'npm', name: '@vue/cli-service', reads: '`vue-cli-service serve` and `build` load .env, .env.local and .env.<mode>' },
  { registry: 'pypi', name: 'python-dotenv', reads: '`load_dotenv()` loads .env (found from the calling file upwards)' },
  { registry: 'pypi', name: 'django-environ', reads: '`environ.Env.read_env()` loads .env' },
  { registry: 'pypi', name: 'environs', reads: '`env.read_env()` loads .env' },
  { registry: 'pypi', name: 'python-decouple', reads: '`config()` reads settings.ini or .env from the project folder' },
  { registry: 'packagist', name: 'vlucas/phpdotenv', reads: '`Dotenv::createImmutable(...)->load()` loads .env' },
  { registry: 'packagist', name: 'symfony/dotenv', reads: "Symfony's runtime loads .env (and .env.local) at boot" },
  { registry: 'packagist', name: 'laravel/framework', reads: 'Laravel loads .env at boot (through vlucas/phpdotenv) unless its configuration is cached' },
  { registry: 'rubygems', name: 'dotenv', reads: '`Dotenv.load` (or `require "dotenv/load"`) loads .env' },
  { registry: 'rubygems', name: 'dotenv-rails', reads: 'Rails loads .env at boot through it' },
  { registry: 'go', name: 'github.com/joho/godotenv', reads: '`godotenv.Load()` loads .env from the working folder' },
];
