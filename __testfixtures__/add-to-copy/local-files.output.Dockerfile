FROM phusion/baseimage:0.9.16

RUN apt-get update && apt-get install -y python-django-tagging python-simplejson nginx supervisor

# graphite
COPY	./initial_data.json /var/lib/graphite/webapp/graphite/initial_data.json
COPY	./local_settings.py /var/lib/graphite/webapp/graphite/local_settings.py
COPY	./carbon.conf /var/lib/graphite/conf/carbon.conf

# nginx and supervisor
COPY ./nginx.conf ./supervisord.conf /etc/
COPY bin/consul-externalservice_linux_amd64 /bin/consul-externalservice
COPY ./jce-unlimited/local_policy.jar /tmp/UnlimitedJCEPolicy/local_policy.jar
COPY . /src/

EXPOSE 80
CMD ["/usr/bin/supervisord"]
