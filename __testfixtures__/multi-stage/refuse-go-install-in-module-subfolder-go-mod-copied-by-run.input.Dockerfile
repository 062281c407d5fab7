FROM golang:1.22
COPY tool/ /tmpl/
COPY . /src
WORKDIR /src/cmd/app
RUN cp -r /tmpl/. . && go install
CMD ["tool"]
