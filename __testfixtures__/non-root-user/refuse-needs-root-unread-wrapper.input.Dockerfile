# The command is a program copied from the build context, which does not have it: it may start Apache.
FROM php:8-apache
COPY bin /usr/local/bin
CMD ["app-apache2"]
