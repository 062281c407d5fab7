FROM scratch
RUN export PATH=/nowhere && echo exported
RUN mkdir made-with-path
RUN touch made-with-path/file
