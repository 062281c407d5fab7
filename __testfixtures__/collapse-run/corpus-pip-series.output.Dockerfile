FROM ufoym/deepo:all-py36-jupyter

RUN apt-get update \
    && apt-get install -y mecab \
    && apt-get install -y libmecab-dev \
    && apt-get install -y mecab-ipadic-utf8\
    && apt-get install -y git\
    && apt-get install -y make\
    && apt-get install -y curl\
    && apt-get install -y xz-utils\
    && apt-get install -y file\
    && apt-get install -y sudo\
    && apt-get install -y wget \
    && ( git clone --depth 1 https://github.com/neologd/mecab-ipadic-neologd.git\
    && cd mecab-ipadic-neologd\
    && bin/install-mecab-ipadic-neologd -n -y ) \
    && ( pip install --upgrade pip ) \
    && pip install seaborn \
    && pip install chainercv \
    && pip install edward \
    && pip install gensim \
    && pip install mecab-python3 \
    && pip install plotly \
    && pip install tqdm \
    && pip install tensorflow-probability-gpu
