FROM node:alpine
# the virtual group holds the compilers; npm comes with the image and stays
RUN set -x \
	&& apk add --no-cache --virtual .build-deps \
		autoconf \
		build-base \
		libpng-dev \
	&& npm install --global imagemin-cli \
	&& apk del .build-deps \
	&& npm cache clean --force

CMD [ "imagemin", "--help" ]
