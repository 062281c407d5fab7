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
