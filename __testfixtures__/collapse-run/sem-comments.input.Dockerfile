FROM scratch
# make a folder
RUN mkdir -p data/logs

# and a file in it
RUN printf 'x\n' > data/logs/x.log \
    && chmod 640 data/logs/x.log
# done
RUN ls data/logs
