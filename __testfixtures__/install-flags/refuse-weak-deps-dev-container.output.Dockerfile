FROM fedora:40
RUN dnf install -y git vim-enhanced gdb && dnf clean all
CMD ["sleep", "infinity"]
