FROM registry.fedoraproject.org/fedora:40

LABEL com.github.containers.toolbox="true" \
      name="fedora-toolbox" \
      usage="This image is meant to be used with the toolbox(1) command"

RUN sed -i '/tsflags=nodocs/d' /etc/dnf/dnf.conf
COPY extra-packages /
RUN dnf -y install $(<extra-packages) && dnf clean all
RUN rm /extra-packages
