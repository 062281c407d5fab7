FROM python:3.12-slim
RUN mkdir bin && printf '#!/bin/sh\ncase "$1" in\ninstall) sed s/old/new/g "$0" > "$0.tmp" && chmod +x "$0.tmp" && mv "$0.tmp" "$0" ;;\n*) echo pip old ;;\nesac\n' > bin/pip && chmod +x bin/pip
RUN pip --version
RUN pip install --upgrade pip
RUN pip --version
