FROM jenkins/jenkins:lts
USER root
RUN apt-get install -y --no-install-recommends docker.io
USER jenkins
RUN jenkins-plugin-cli --plugins docker-workflow
USER root
RUN apt-get clean
USER jenkins
