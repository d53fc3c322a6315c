"""
Test fixture written for kisbridge: a made-up API in the layout of the official samples.
"""
import kis_auth as ka

##############################################################################################
# [국내주식] 시세 > 가상 현재가[v1_가상-001]
##############################################################################################

API_URL = "/uapi/domestic-stock/v1/quotations/quote-now"

def quote_now(
    env_dv: str,  # [필수] 환경 (ex. real:실전, demo:모의)
    fid_cond_mrkt_div_code: str,  # [필수] 시장 (ex. J:KRX, NX:NXT, UN:통합)
    fid_input_iscd: str,  # 종목
    fid_period: str = "D",  # 기간
    tr_cont: str = ""
):
    """
    Args:
        env_dv (str): [필수] 환경 (ex. real:실전, demo:모의)
        fid_cond_mrkt_div_code (str): [필수] 시장 (ex. J:KRX, NX:NXT, UN:통합)
        fid_input_iscd (str): [필수] 종목 (ex. 000001)
        fid_period (str): 기간 (D:일, W:주)
        tr_cont (str): 연속
    Returns:
        frame
    """
    if env_dv == "real":
        tr_id = "FAKE00000001"
    elif env_dv == "demo":
        tr_id = "FAKE00000009"
    else:
        raise ValueError("env_dv")

    params = {
        "FID_COND_MRKT_DIV_CODE": fid_cond_mrkt_div_code,
        "FID_INPUT_ISCD": fid_input_iscd,
        "FID_PERIOD": fid_period,
        "FID_SCREEN": "11111",
        "CTX_AREA_FK100": "",
        "CTX_AREA_NK100": ""
    }
    res = ka._url_fetch(API_URL, tr_id, tr_cont, params)
    a = res.getBody().output1
    b = res.getBody().output2
