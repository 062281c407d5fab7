FROM python:3.12

WORKDIR /tmp/

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

RUN git clone \
        -b master \
        https://github.com/osrf/docker_images.git

WORKDIR /tmp/docker_images
CMD ["python3", "-m", "docker_templates"]
