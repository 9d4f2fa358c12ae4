"""Builds colour-person.onnx, the fixture of DnnSegmenterOnnxTest: a 3-class "segmentation network"
whose class 2 ("person") scores red over green, on ImageNet-normalised RGB input, with the output at half
the input resolution (as real segmentation networks often are). Run with Debian's python3-torch:
    /usr/bin/python3 make_colour_person.py
"""
import torch


class ColourPerson(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.score = torch.nn.Conv2d(3, 3, 1)
        with torch.no_grad():
            self.score.weight.zero_()
            self.score.bias.zero_()
            self.score.weight[2, 0, 0, 0] = 1.0   # + red
            self.score.weight[2, 1, 0, 0] = -1.0  # - green
        self.pool = torch.nn.AvgPool2d(2)

    def forward(self, x):
        return self.pool(self.score(x))


torch.onnx.export(ColourPerson().eval(), torch.zeros(1, 3, 64, 64), "colour-person.onnx",
                  input_names=["input"], output_names=["out"], opset_version=11)
