FROM debian:bookworm-slim
# One RUN fetching and unpacking every tool: each archive is removed in the same layer.
RUN set -eux; \
    curl -fsSL -o /tmp/helm.tgz https://get.helm.sh/helm-v3.15.2-linux-amd64.tar.gz; \
    tar -xzf /tmp/helm.tgz -C /usr/local/bin --strip-components=1 linux-amd64/helm; \
    curl -fsSL -o /tmp/kubectl.tgz https://example.com/kubectl-1.30.2.tgz; \
    tar -xzf /tmp/kubectl.tgz -C /usr/local/bin; \
    curl -fsSL -o /tmp/k9s.tgz https://github.com/derailed/k9s/releases/download/v0.32.5/k9s_Linux_amd64.tar.gz; \
    tar -xzf /tmp/k9s.tgz -C /usr/local/bin k9s; \
    curl -fsSL -o /tmp/stern.tgz https://github.com/stern/stern/releases/download/v1.30.0/stern_1.30.0_linux_amd64.tar.gz; \
    tar -xzf /tmp/stern.tgz -C /usr/local/bin stern; \
    curl -fsSL -o /tmp/kustomize.tgz https://example.com/kustomize_v5.4.2_linux_amd64.tar.gz; \
    tar -xzf /tmp/kustomize.tgz -C /usr/local/bin; \
    curl -fsSL -o /tmp/yq.tgz https://github.com/mikefarah/yq/releases/download/v4.44.2/yq_linux_amd64.tar.gz; \
    tar -xzf /tmp/yq.tgz -C /tmp && mv /tmp/yq_linux_amd64 /usr/local/bin/yq; \
    curl -fsSL -o /tmp/sops.tgz https://example.com/sops-3.8.1.tgz; \
    tar -xzf /tmp/sops.tgz -C /usr/local/bin; \
    curl -fsSL -o /tmp/age.tgz https://github.com/FiloSottile/age/releases/download/v1.2.0/age-v1.2.0-linux-amd64.tar.gz; \
    tar -xzf /tmp/age.tgz -C /usr/local/bin --strip-components=1; \
    curl -fsSL -o /tmp/flux.tgz https://github.com/fluxcd/flux2/releases/download/v2.3.0/flux_2.3.0_linux_amd64.tar.gz; \
    tar -xzf /tmp/flux.tgz -C /usr/local/bin; \
    curl -fsSL -o /tmp/argocd.tgz https://example.com/argocd-2.11.3.tgz; \
    tar -xzf /tmp/argocd.tgz -C /usr/local/bin
