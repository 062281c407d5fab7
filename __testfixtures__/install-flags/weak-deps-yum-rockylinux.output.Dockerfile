FROM rockylinux:9
RUN yum install --setopt=install_weak_deps=False -y git-core && yum clean all
