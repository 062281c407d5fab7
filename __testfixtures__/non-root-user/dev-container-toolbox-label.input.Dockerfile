FROM registry.fedoraproject.org/fedora:40
LABEL com.github.containers.toolbox="true" \
      name="fedora-toolbox"
RUN dnf -y install vim-enhanced git && dnf clean all
CMD ["/bin/bash"]
