FROM almalinux:9
RUN sed -i 's/^install_weak_deps=.*/install_weak_deps=True/' /etc/yum.conf
RUN dnf install -y httpd && dnf clean all
