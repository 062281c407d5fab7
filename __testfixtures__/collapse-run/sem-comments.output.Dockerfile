FROM scratch
# make a folder
RUN mkdir -p data/logs \
    # and a file in it
    && printf 'x\n' > data/logs/x.log \
    && chmod 640 data/logs/x.log \
    # done
    && ls data/logs
