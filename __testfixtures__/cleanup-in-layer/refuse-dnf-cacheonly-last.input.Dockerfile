FROM rockylinux:9
RUN dnf install -y gcc
RUN dnf install -y make -C
CMD ["make"]
