FROM public.ecr.aws/amazonlinux/amazonlinux:2
RUN yum install -y python3 && yum clean all && rm -rf /var/cache/yum
COPY site/ /srv/site/
WORKDIR /srv/site
CMD ["python3", "-m", "http.server", "8080"]
