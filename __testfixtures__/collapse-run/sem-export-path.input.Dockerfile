FROM scratch
RUN export PATH=/nowhere
RUN mkdir made-with-path
RUN touch made-with-path/file
