import { SOURCES } from './sources.js';
import type { Source } from './types.js';

/**
 * Images made to be worked in: at a terminal, from an editor attached to the container, or in an
 * editor the image serves. A Dockerfile built on one makes a development environment, whose users
 * run what the packages only recommend (git's less, a man page reader) and pick their own user.
 */
export interface DevelopmentImage {
  /** The repository, as `canonicalName` writes it (`library/…` for Docker Hub's official images). */
  readonly repository: RegExp;
  /** What it is, as a refusal says it. */
  readonly what: string;
  readonly source: Source;
}

export const DEVELOPMENT_IMAGES: readonly DevelopmentImage[] = [
  { repository: /^mcr\.microsoft\.com\/(?:vscode\/)?devcontainers\/[a-z0-9._/-]+$/, what: 'a dev container image', source: SOURCES.devcontainerImages },
  { repository: /^gitpod\/workspace-[a-z0-9-]+$/, what: "a Gitpod workspace image", source: SOURCES.gitpodWorkspace },
  { repository: /^codercom\/code-server$/, what: 'code-server, VS Code served to a browser', source: SOURCES.codeServer },
  { repository: /^(?:(?:lscr\.io|ghcr\.io)\/)?linuxserver\/code-server$/, what: "LinuxServer's code-server, VS Code served to a browser", source: SOURCES.linuxserverCodeServer },
];

/** The development image a repository is, if it is one. */
export function developmentImage(repository: string): DevelopmentImage | null {
  return DEVELOPMENT_IMAGES.find((d) => d.repository.test(repository)) ?? null;
}
