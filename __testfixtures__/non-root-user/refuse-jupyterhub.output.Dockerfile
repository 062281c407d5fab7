FROM quay.io/jupyterhub/jupyterhub:5

# a test user for PAM, whose single-user server the hub starts as that user
RUN useradd testuser --create-home --shell /bin/bash
RUN echo 'testuser:passwd' | chpasswd
RUN pip install jupyter

COPY jupyterhub_config.py .
CMD ["jupyterhub", "--ip", "0.0.0.0"]
