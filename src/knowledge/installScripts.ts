import { SOURCES } from './sources.js';
import type { KnownDownload } from './devEnvironments.js';

/**
 * Install scripts a Dockerfile pipes from the network into a shell (`curl … | sh -s -- -y`) that run no
 * package manager: they download their tool and unpack it under the user's home or the folders their
 * variables name. Any other piped script may run `apt-get install`, which reads the lists an earlier RUN
 * kept; these do not.
 */
export const INSTALL_SCRIPTS_WITHOUT_PACKAGE_MANAGER: readonly KnownDownload[] = [
  // sh.rustup.rs serves rustup-init.sh, as does static.rust-lang.org.
  { url: /^https?:\/\/(?:sh\.rustup\.rs\/?|static\.rust-lang\.org\/rustup\/(?:[\w.-]+\/)*rustup-init\.sh)$/, what: "rustup's installer", source: SOURCES.rustupInit },
];

/** The install script known to run no package manager that `url` serves, if it is one. */
export function installScriptWithoutPackageManager(url: string): KnownDownload | null {
  return INSTALL_SCRIPTS_WITHOUT_PACKAGE_MANAGER.find((d) => d.url.test(url)) ?? null;
}
