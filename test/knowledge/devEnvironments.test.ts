import { describe, expect, it } from 'vitest';
import { parseImageRef, canonicalName } from '../../src/dockerfile/imageRef.js';
import { ciAgentDownload, ciJobImage, developmentImage } from '../../src/knowledge/index.js';

const of = (reference: string) => developmentImage(canonicalName(parseImageRef(reference)!))?.what ?? null;

describe('developmentImage', () => {
  it('knows the images made to be worked in, by repository, whatever the tag', () => {
    expect(of('mcr.microsoft.com/devcontainers/python:3.12')).toBe('a dev container image');
    expect(of('mcr.microsoft.com/vscode/devcontainers/base:ubuntu')).toBe('a dev container image');
    expect(of('gitpod/workspace-full:2024-05-01')).toBe('a Gitpod workspace image');
    expect(of('docker.io/gitpod/workspace-base')).toBe('a Gitpod workspace image');
    expect(of('codercom/code-server:latest')).toBe('code-server, VS Code served to a browser');
    expect(of('lscr.io/linuxserver/code-server:4.96.4')).toBe("LinuxServer's code-server, VS Code served to a browser");
    expect(of('linuxserver/code-server')).toBe("LinuxServer's code-server, VS Code served to a browser");
    expect(of('us-central1-docker.pkg.dev/cloud-workstations-images/predefined/code-oss:latest')).toBe('a Cloud Workstations image');
    expect(of('us-west1-docker.pkg.dev/cloud-workstations-images/predefined/base:latest')).toBe('a Cloud Workstations image');
  });

  it('knows no other image as one: a runtime, or a name that only looks alike', () => {
    for (const reference of ['python:3.12', 'mcr.microsoft.com/dotnet/sdk:8.0', 'gitpod/workspace', 'example.com/gitpod/workspace-full', 'codercom/enterprise-base', 'linuxserver/nginx', 'us-central1-docker.pkg.dev/my-project/predefined/base', 'us-central1-docker.pkg.dev/cloud-workstations-images/other/base']) {
      expect(of(reference), reference).toBeNull();
    }
  });
});

describe('ciAgentDownload', () => {
  it("knows the GitHub Actions runner's release downloads, and no other download from its repository or a look-alike", () => {
    expect(ciAgentDownload('curl -fL -o runner.tar.gz https://github.com/actions/runner/releases/download/v2.330.0/actions-runner-linux-x64-2.330.0.tar.gz')?.what).toBe('the GitHub Actions runner');
    for (const script of ['curl -fL -o hooks.zip https://github.com/actions/runner-container-hooks/releases/download/v0.7.0/actions-runner-hooks-k8s-0.7.0.zip', 'git clone https://github.com/actions/runner', 'curl -fLO https://github.com/coder/code-server/releases/download/v4.96.4/code-server_4.96.4_amd64.deb']) {
      expect(ciAgentDownload(script), script).toBeNull();
    }
  });
});

describe('ciJobImage', () => {
  const job = (reference: string) => ciJobImage(canonicalName(parseImageRef(reference)!))?.what ?? null;

  it('knows the images CI jobs run in, by repository, whatever the tag', () => {
    expect(job('ghcr.io/actions/actions-runner:2.330.0')).toBe("the GitHub Actions runner's image");
    expect(job('myoung34/github-runner:ubuntu-noble')).toBe('a GitHub Actions runner image');
    expect(job('cimg/python:3.12')).toBe('a CircleCI convenience image');
    expect(job('cimg/base:2024.01')).toBe('a CircleCI convenience image');
  });

  it('knows no other image as one', () => {
    for (const reference of ['python:3.12', 'ghcr.io/actions/runner-container-hooks', 'circleci/picard', 'example.com/cimg/python:3.12', 'myoung34/github-runner-base']) expect(job(reference), reference).toBeNull();
  });
});
