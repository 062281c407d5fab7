/**
 * Where the Ruby a distribution's packages install keeps the gems that `gem install` and `bundle install`, run as
 * root with no GEM_HOME or BUNDLE_PATH, install. Debian's and Ubuntu's ruby set Gem.default_dir to
 * /var/lib/gems/<Ruby API version> (rubygems-integration's rubygems/defaults/operating_system.rb; packages.debian.org
 * rubygems-integration), whose cache/ keeps each downloaded .gem after it is unpacked into gems/; the distribution's
 * own ruby-* packages install elsewhere (/usr/lib/ruby/vendor_ruby, /usr/share/rubygems-integration). Another user
 * cannot write there, and RubyGems and Bundler then install into that user's home.
 */
export interface DistroRuby {
  /** The system package manager that installs it. */
  readonly manager: 'apt';
  /** The packages that install (or depend on) that ruby. */
  readonly packages: RegExp;
  /** The gem home, with a glob for the Ruby API version (`3.1.0`). */
  readonly gemHome: string;
  readonly what: string;
}

export const DISTRO_RUBIES: readonly DistroRuby[] = [
  {
    manager: 'apt',
    packages: /^(?:ruby(?:\d+(?:\.\d+)*)?(?:-full|-dev|-bundler)?|bundler|rubygems)$/,
    gemHome: '/var/lib/gems/*',
    what: "Debian's (or Ubuntu's) ruby",
  },
];

/**
 * What installs or selects another ruby than the distribution's in a stage, whose gems go elsewhere: a version manager
 * (rbenv, RVM, chruby, asdf, mise, frum), ruby-build or ruby-install, or Ruby's source from ruby-lang.org.
 */
export const OTHER_RUBIES = /\b(?:rbenv|rvm|chruby|asdf|mise|rtx|frum|ruby-build|ruby-install)\b|\bcache\.ruby-lang\.org\b|\bruby-lang\.org\/pub\/ruby\b/;

/**
 * How Bundler (2.x and later) decides where \`bundle install\` puts the gems: bundler/lib/bundler/settings.rb
 * (Settings#[] and Settings#path) and bundler.io/man/bundle-config.1.html. Each setting is looked up in order in
 * the install's own options (\`--path\`, \`--deployment\`, \`--system\`, which Bundler 2 also remembers in the app's
 * config), the app's config file (\`<root>/.bundle/config\`, or BUNDLE_APP_CONFIG's \`config\`: the official ruby images
 * set /usr/local/bundle), the environment (\`BUNDLE_PATH\`…), then the user's config file (\`~/.bundle/config\`, or
 * BUNDLE_USER_CONFIG, BUNDLE_CONFIG, BUNDLE_USER_HOME's). The first of those that sets \`path\` or \`path.system\`
 * decides: the system's gem home when path.system is true, else that path; with neither set anywhere, \`deployment\`
 * means vendor/bundle; else the gem home. A relative path is read from the app's root (the Gemfile's folder), \`~\` from
 * HOME (Pathname#expand_path). The gems, and the .gem files Bundler keeps, go to \`<path>/<engine>/<Ruby API version>\`
 * (Bundler.ruby_scope: \`ruby/3.3.0\` for CRuby), its \`cache/\` holding the .gem files.
 */
export type BundlerSetting = 'path' | 'path.system' | 'deployment';

/** Each setting's key in a config file and in the environment (\`path.system\` → BUNDLE_PATH__SYSTEM). */
export const BUNDLER_CONFIG_KEYS: Readonly<Record<BundlerSetting, string>> = {
  path: 'BUNDLE_PATH',
  'path.system': 'BUNDLE_PATH__SYSTEM',
  deployment: 'BUNDLE_DEPLOYMENT',
};

/** Where deployment mode installs when no level sets a path. */
export const BUNDLER_DEPLOYMENT_PATH = 'vendor/bundle';

/** The folder under a path the gems of CRuby go to, with a glob for its API version (Bundler.ruby_scope). */
export const BUNDLER_RUBY_SCOPE = 'ruby/*';

/** The same for JRuby, whose engine name Bundler.ruby_scope takes: \`jruby/3.1.0\`. */
export const BUNDLER_JRUBY_SCOPE = 'jruby/*';

/**
 * Images (by the last part of their name) whose ruby is JRuby: the official jruby images, and logstash, whose
 * Ruby is the JRuby it ships in /usr/share/logstash/vendor/jruby (its own Gemfile's gems are in vendor/bundle/jruby/3.1.0).
 */
export const JRUBY_IMAGES: readonly string[] = ['jruby', 'logstash'];

/** Values Bundler reads as false for a setting that is true or false (Settings#to_bool). */
export const BUNDLER_FALSE = /^(?:false|f|no|n|0|)$/i;

/**
 * \`bundle config set NAME VALUE\` (and Bundler 1's \`bundle config NAME VALUE\`) without \`--local\` or \`--global\` sets it
 * for the app (a Gemfile found from the working folder) from this Bundler on, for the user before it
 * (rubygems/rubygems aed98be, "Make `bundle config` local by default if inside an application").
 */
export const BUNDLER_UNSCOPED_APP_SINCE = '2.3.7';
