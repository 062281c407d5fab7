FROM alpine:3.20
RUN apk add --no-cache bash curl
CMD /bin/bash -l
