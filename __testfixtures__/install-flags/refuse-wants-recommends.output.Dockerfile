FROM debian:bookworm
# LibreOffice needs its recommended packages (fonts, Java bridge) to convert documents
RUN apt-get update && apt-get install -y libreoffice-writer
RUN printf 'APT::Install-Recommends "true";\n' > /etc/apt/apt.conf.d/10recommends
RUN apt-get update && apt-get install -y curl
