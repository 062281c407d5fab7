FROM fedora:40
# texlive needs its weak dependencies (fonts) to render the docs
RUN dnf install -y texlive-scheme-basic && dnf clean all
