FROM alpine:3.20
RUN apk add --no-cache \
        bash

#        && \
#    # Save some space by removing unused drivers.
#    find /usr/lib/dri -type f -delete

# Generate the icons.
RUN install_app_icon.sh
