FROM public.ecr.aws/amazonlinux/amazonlinux:2
RUN yum install -y python3 && yum clean all && rm -rf /var/cache/yum
COPY site/ /srv/site/
WORKDIR /srv/site
RUN yum install -y shadow-utils && \
    yum clean all && \
    groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["python3", "-m", "http.server", "8080"]
