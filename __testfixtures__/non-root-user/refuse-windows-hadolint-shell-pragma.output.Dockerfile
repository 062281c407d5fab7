FROM jenkins-windows-base
# hadolint shell=powershell

RUN New-Item -ItemType Directory -Force C:/ProgramData/Jenkins/Reference/init.groovy.d
COPY init.groovy C:/ProgramData/Jenkins/Reference/init.groovy.d/
