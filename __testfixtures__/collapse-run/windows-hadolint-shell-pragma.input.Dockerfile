FROM jenkins-windows-base
# hadolint shell=powershell

RUN New-Item -ItemType Directory -Force C:/ProgramData/Jenkins/Reference/init.groovy.d
RUN Set-Content -Path C:/ProgramData/Jenkins/Reference/jenkins.install.UpgradeWizard.state -Value 2.440
