FROM quay.io/jupyter/scipy-notebook:2024-05-27
RUN pip install --no-cache-dir xgboost
CMD ["start-notebook.py", "--IdentityProvider.token=''"]
